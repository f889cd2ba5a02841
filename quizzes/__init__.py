"""Content side: articles -> extraction -> generation -> question banks."""
