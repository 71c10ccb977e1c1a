"""One loader per part of the demo site, each creating only what is missing."""
