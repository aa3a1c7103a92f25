"""The `capnum` command: parse arguments, call services, print, exit with the codes of DESIGN section 9."""
