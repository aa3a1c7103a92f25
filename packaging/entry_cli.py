"""Frozen entry point of `capnum` (the console command); PyInstaller analyses from here."""

from capnum_desktop.cli.main import run

if __name__ == "__main__":
    run()
