"""The veterinary mentor scheme's models; network.models exports every name."""
