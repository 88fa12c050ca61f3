"""The checks that look at pages in headless Chromium (Scripts/check-*.sh), with what they need that does not
need a browser: parsing the pages, the pixels of a screenshot, the verdicts. Run a module with the Scripts
folder on PYTHONPATH: `PYTHONPATH=Scripts python3 -m checks.html_report ...`."""
