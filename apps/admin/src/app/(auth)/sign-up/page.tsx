import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath } from "@/lib/safe-next-path";

export const metadata = { title: "Create account · Frontdesk" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return <SignUpForm next={safeNextPath(next)} />;
}
