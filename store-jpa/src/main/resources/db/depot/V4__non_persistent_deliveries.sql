-- Non-persistent messages are delivered at most once. Their deliveries say so, because what
-- happens to one when its claimer is gone differs: a persistent delivery goes back on its queue,
-- a non-persistent one is dropped (it may have reached the application already, and its
-- acknowledgement is written in the background).
ALTER TABLE ${schema}.depot_delivery ADD COLUMN persistent boolean NOT NULL DEFAULT true;
