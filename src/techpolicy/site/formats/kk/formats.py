# Kazakh writes numbers as Russian does: a space between thousands, a comma before decimals
# (1 234 567,89); Django has no kk formats of its own.
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking, so a number never breaks across lines
NUMBER_GROUPING = 3

# Dates as Kazakh documents write them ("2 желтоқсан 2026 ж.", 02.12.2026), day before month,
# instead of the English order Django falls back to ("Жел. 2, 2026", 12/02/2026). The month of
# "E" is the lower-case name the site catalogue gives for Django's "alt. month".
DATE_FORMAT = "j E Y ж."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y ж. H:i"
YEAR_MONTH_FORMAT = "F Y ж."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
# ISO first: a date field's widget writes its value in the first format, and <input type="date">
# reads only ISO dates.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M:%S",
                          "%d.%m.%Y %H:%M", "%d.%m.%Y"]
