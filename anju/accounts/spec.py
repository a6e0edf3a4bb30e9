"""CJJ/T 196 Appendix A data sets held by the accounts app.

Users, organisations and roles are not an Appendix A data set; the standard's participants
and handlers (审核人、查证人 …) refer to these users.
"""

DATA_SETS: dict[str, dict] = {}
