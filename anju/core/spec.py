"""CJJ/T 196 Appendix A data sets held by the core app.

Regions, code tables and business-number counters are platform reference data; Appendix A
has no data set of its own for them (they are the code tables its fields refer to).
"""

DATA_SETS: dict[str, dict] = {}
