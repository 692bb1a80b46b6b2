"""Time stage. Reads: `Doc.parsed`, and the article's text and publication date.
Adds: `Doc.times`, TIMEX3 expressions with values and intervals, resolved against that date."""
