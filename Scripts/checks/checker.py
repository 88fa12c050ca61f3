"""One `ok`/`FAIL` line per check, for the page checks."""

import sys


class Checker:
    """Prints each check as it is made and keeps the messages of those that failed."""

    def __init__(self, out=None):
        self.failures = []
        self.out = out or sys.stdout

    def __call__(self, condition, message):
        print(("ok    " if condition else "FAIL  ") + message, file=self.out)
        if not condition:
            self.failures.append(message)
