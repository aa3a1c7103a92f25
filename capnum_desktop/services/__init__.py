"""Use cases shared by the GUI and the `capnum` command. Each takes a DataStore (sessions + this device)."""
