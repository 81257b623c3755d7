// The walkthrough's single step (seed 002): state, the four gates and the dense layer, one statement a line.
export const SEED_SETUP = `x = 1
h = 1
c = 5
forget     wx = 1.75   wh = 3.25   b = 1.40
input      wx = 2.30   wh = 1.85   b = 0.45
candidate  wx = 0.45   wh = 0.35   b = -0.05
output     wx = -0.03  wh = 4.67   b = 0.50
dense      w = 2       b = 1`;
