public enum ThresholdsPlaceholder {}
