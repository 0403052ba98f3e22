"""Context map, coupling metrics, AI coupling rules, score and gate; pure computation, no I/O."""
