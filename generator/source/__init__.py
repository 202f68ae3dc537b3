"""Reading `data/`: strict YAML, the layout of the folder, and the data set of entries."""
