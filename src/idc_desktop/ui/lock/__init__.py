"""The idle lock and the passphrase of a protected log, in the window."""
