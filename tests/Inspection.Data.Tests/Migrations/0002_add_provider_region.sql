-- Depends on 0001: runs only if migrations apply in file-name order.
alter table provider add column region text;
