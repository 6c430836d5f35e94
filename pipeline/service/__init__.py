"""The service: Prefect's server, the watcher and the web app as one supervised unit (``supervisor``),
and finding a running server for the commands that use one (``server``).

In: the settings and a command line's choices. Out: child processes, and Prefect's environment."""
