"""Site-wide admin: dashboard panels, failed emails, privacy requests."""
