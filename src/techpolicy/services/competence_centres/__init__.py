"""Sectoral technology competence centres (seed 000 chapter 3, paragraphs 15-22): designation on the
initiative of a legal entity, proposed by the supervising state body, considered by the authorized
body, designated by the state body, and the public register of designated centres."""
