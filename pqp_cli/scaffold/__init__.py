"""Files pqp writes for a new user: init and the JSON Schemas."""
