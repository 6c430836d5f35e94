"""The service: Prefect's server, the watcher, the warm worker and the web app as one supervised unit
(``supervisor``); finding a running server for the commands that use one (``server``); and
``vanban ingest`` handing its files to that worker through a spool folder (``handoff``).

In: the settings and a command line's choices. Out: child processes, and Prefect's environment."""
