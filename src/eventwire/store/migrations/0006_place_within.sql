-- Schema version 6: Place.within, the id of the place whose point a street, building or
-- village the gazetteer lacks takes ("Kamenné Square in Bratislava"); null for every other place.
ALTER TABLE places ADD COLUMN within TEXT;
