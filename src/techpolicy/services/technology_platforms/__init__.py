"""Technology platforms (seed 000 chapter 4, paragraphs 23-30): a state body or local executive body
proposes a platform naming its coordinator (p.27), the authorized body considers it against p.25-26,
the Higher Scientific and Technical Commission considers the initiative (p.28), the platform is
organised and entered on the public register (p.29); its participants (p.23), activities (p.24),
single vision (p.24(2)), funding (p.30) and versioned road map (p.24(7)) are kept afterwards."""
