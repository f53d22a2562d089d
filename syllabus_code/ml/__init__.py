"""Machine-learning fundamentals (Modules 1 and 2): risk, the bias-variance decomposition,
evaluation metrics, and the McCulloch-Pitts neuron and Rosenblatt perceptron."""
