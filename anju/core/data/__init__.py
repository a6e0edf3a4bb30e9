"""Reference data shipped with Anju (our own, committed): code tables."""
