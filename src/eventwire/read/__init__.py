"""Read stage: turns files, HTML pages and JSON Lines records into `Article`s, and (the body
stage) marks which lines of the text belong to the report itself."""
