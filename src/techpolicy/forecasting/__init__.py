"""Technology forecasting methods (seed 000, paragraph 8), pure numpy/scipy/statsmodels modules; no Django."""
