// Server code may import this module: nothing to do.
