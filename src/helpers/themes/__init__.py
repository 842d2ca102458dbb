"""What each notebook shows (tables, charts, findings), reading the build's tables only."""
