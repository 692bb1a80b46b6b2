"""Place stage. Reads: `Doc.parsed`.
Adds: `Doc.places`, place names resolved offline to coordinates, country, admin1, GeoNames id."""
