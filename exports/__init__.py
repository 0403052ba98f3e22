"""Reading and writing the workbench's formats; one module per format."""
