-- Each service owns its database; no service reads another's tables.
CREATE DATABASE inspection_recommendations;
CREATE DATABASE inspection_sampling;
CREATE DATABASE inspection_scoring;
CREATE DATABASE inspection_evidence;
CREATE DATABASE inspection_admin;
