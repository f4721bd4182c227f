"""The process around the browser: terminal input, garbage collection, and Textual workarounds."""
