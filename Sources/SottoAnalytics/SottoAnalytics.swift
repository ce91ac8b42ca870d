// Placeholder until the analytics module lands.
