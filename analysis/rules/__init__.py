"""The AI coupling rules AIC001-AIC020 and the consistency checks, one module per rule family."""
