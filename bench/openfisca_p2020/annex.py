"""The Annex of the programme (priority sectors by OKED code), as the seed lists it, and the
executor services each instrument admits (5.2). OpenFisca parameters are numbers, so these lists
live here as constants."""

import numpy as np

PRIORITY_OKED = np.array([
    "10", "11.07", "09", "09.1", "09.10", "09.9", "13", "14", "15", "16", "17", "31", "19.20", "20", "21", "22",
    "23", "24", "25", "26", "27", "28", "29", "30", "33", "33.1", "33.2", "32", "35.11", "38.21", "38.32",
    "50", "51", "52", "61", "62",
])

# instrument -> executor services admitted (5.2); licence_if_required per service
SERVICES = {
    "3a": ("training_education", "training_specialised", "internship_host"),
    "4a": ("tech_improvement",),
    "5b": ("efficiency",),
}
LICENCE_IF_REQUIRED = ("training_education", "tech_improvement")

PROGRAMME_START = np.datetime64("2015-06-17")  # Resolution No. 440, in force on signing
PROGRAMME_END = np.datetime64("2016-07-03")  # earliest day the repeal (Resolution No. 370) took effect
