-- API keys carry a role like members do; existing keys keep what they could do (admin).
ALTER TABLE "api_key" ADD COLUMN "role" "MemberRole" NOT NULL DEFAULT 'admin';
