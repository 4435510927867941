"""Knowledge: the typed tables read from ``builder/data/*.yaml`` that several stages share."""
