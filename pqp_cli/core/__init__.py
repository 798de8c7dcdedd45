"""Records and the plan's vocabulary: models, schemes, text and place names, problems. Imports nothing else of pqp."""
