"""mvi-site: validate procurement data and publish it as a static site."""
