"""The five legal acts as data (metadata, paragraph texts), shipped inside the package."""
