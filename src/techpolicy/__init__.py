"""TechPolicy KZ: the information system of Kazakhstan's state technology and innovation policy."""
