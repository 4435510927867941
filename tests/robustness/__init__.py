"""Bad input, hostile input, property tests and unseen pages: the builder under stress."""
