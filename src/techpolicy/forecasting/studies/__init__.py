"""Forecast studies (seed 000, chapter 2) as records: the study and its stages, working and expert
groups, Delphi rounds, imported series with expert corrections, the draft results under public
discussion and the approved list of key technologies. The numbers come from the pure modules of
`techpolicy.forecasting`; this app stores what they are computed from and who did what."""
