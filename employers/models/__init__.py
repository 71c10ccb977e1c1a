"""Employer engagement: the pledge registry and workshops."""
