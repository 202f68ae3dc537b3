"""Tools for editors and benchmarks: skeleton files, JSON Schemas, synthetic data sets."""
