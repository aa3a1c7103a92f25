"""Export and report dialogs, and the menu entries that open them."""
