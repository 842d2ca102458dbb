"""The report: papermill execution and HTML rendering (`runner`), what notebooks need to start
(`notebook`), charts and their CSVs (`plots`), findings as text (`show`), fonts and templates."""
