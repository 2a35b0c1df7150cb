//! The demo members of SPEC S17. They live in code, not in persisted state,
//! so their PINs and passwords are never written to browser storage.

use portal_domain::calendar::RepaymentDay;
use portal_domain::input::Credentials;

/// How a demo member signs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoLogin {
    Card {
        card_number: &'static str,
        pin: &'static str,
    },
    WebId {
        web_id: &'static str,
        password: &'static str,
    },
    /// Has no WEB-ID yet; can register one (SPEC S5).
    MemberNumberOnly,
}

/// One seeded member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoMember {
    pub id: &'static str,
    pub member_number: &'static str,
    pub email: &'static str,
    pub name: &'static str,
    pub login: DemoLogin,
    /// Shown on the sign-in page in fake mode, in each locale.
    pub description_ja: &'static str,
    pub description_en: &'static str,
    pub balance: i64,
    pub credit_line: i64,
    /// Contract APR in basis points (1780 = 17.8%).
    pub apr_bp: u32,
    pub repayment_day: Option<RepaymentDay>,
    /// Consecutive failures that lock the account: 3 to 5, never shown.
    pub lock_threshold: u8,
    pub initially_locked: bool,
    pub suspended: bool,
    pub points: Option<u32>,
    pub overdue_days_at_seed: Option<i64>,
    pub last_sign_in_days_ago: Option<i64>,
}

impl DemoMember {
    /// Whether these credentials name this member (whatever the secret).
    pub fn matches_login(&self, c: &Credentials) -> bool {
        match (self.login, c) {
            (DemoLogin::Card { card_number, .. }, Credentials::Card { card, .. }) => {
                card.as_str() == card_number
            }
            (DemoLogin::WebId { web_id, .. }, Credentials::WebId { web_id: id, .. }) => {
                id.as_str() == web_id
            }
            _ => false,
        }
    }

    /// Whether the secret is right. Comparison is case-sensitive (SPEC S4).
    pub fn secret_matches(&self, c: &Credentials) -> bool {
        match (self.login, c) {
            (DemoLogin::Card { pin, .. }, Credentials::Card { pin: given, .. }) => {
                given.as_str() == pin
            }
            (
                DemoLogin::WebId { password, .. },
                Credentials::WebId {
                    password: given, ..
                },
            ) => given.as_str() == password,
            _ => false,
        }
    }
}

/// Looks a member up by internal id.
pub(crate) fn member(id: &str) -> Option<&'static DemoMember> {
    demo_members().iter().find(|m| m.id == id)
}

/// The demo members, in the order the sign-in page lists them.
pub fn demo_members() -> &'static [DemoMember] {
    &MEMBERS
}

static MEMBERS: [DemoMember; 8] = [
    DemoMember {
        id: "m-card10",
        member_number: "100000001",
        email: "hanako@example.com",
        name: "見本 花子",
        login: DemoLogin::Card {
            card_number: "1234567890",
            pin: "1234",
        },
        description_ja: "カード会員（10桁）: 残高15万円・限度額50万円",
        description_en: "Card member (10 digits): balance ¥150,000, line ¥500,000",
        balance: 150_000,
        credit_line: 500_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::TwentyFifth),
        lock_threshold: 4,
        initially_locked: false,
        suspended: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(3),
    },
    DemoMember {
        id: "m-card16",
        member_number: "100000002",
        email: "jiro@example.com",
        name: "見本 次郎",
        login: DemoLogin::Card {
            card_number: "1234567890123456",
            pin: "4321",
        },
        description_ja: "カード会員（16桁）: 残高なし・限度額30万円",
        description_en: "Card member (16 digits): no balance, line ¥300,000",
        balance: 0,
        credit_line: 300_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::Fifth),
        lock_threshold: 5,
        initially_locked: false,
        suspended: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(20),
    },
    DemoMember {
        id: "m-web",
        member_number: "100000003",
        email: "demo@example.com",
        name: "見本 太一",
        login: DemoLogin::WebId {
            web_id: "demo0001",
            password: "Passw0rd",
        },
        description_ja: "WEB-ID会員: 残高48万円・限度額100万円・ポイント会員",
        description_en: "WEB-ID member: balance ¥480,000, line ¥1,000,000, points member",
        balance: 480_000,
        credit_line: 1_000_000,
        apr_bp: 1500,
        repayment_day: Some(RepaymentDay::Fifth),
        lock_threshold: 3,
        initially_locked: false,
        suspended: false,
        points: Some(1_250),
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(1),
    },
    DemoMember {
        id: "m-new",
        member_number: "100000004",
        email: "new@example.com",
        name: "見本 新",
        login: DemoLogin::WebId {
            web_id: "newmember01",
            password: "Welcome2024",
        },
        description_ja: "はじめての方: 借入前・30日間無利息の対象",
        description_en: "First-time member: never borrowed, eligible for 30 days interest-free",
        balance: 0,
        credit_line: 500_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::LastDay),
        lock_threshold: 5,
        initially_locked: false,
        suspended: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: None,
    },
    DemoMember {
        id: "m-overdue",
        member_number: "100000005",
        email: "late@example.com",
        name: "見本 遅子",
        login: DemoLogin::WebId {
            web_id: "overdue01",
            password: "Overdue2024",
        },
        description_ja: "延滞中の会員: 返済期日から12日経過",
        description_en: "Overdue member: 12 days past due",
        balance: 200_000,
        credit_line: 300_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::Fifteenth),
        lock_threshold: 4,
        initially_locked: false,
        suspended: false,
        points: None,
        overdue_days_at_seed: Some(12),
        last_sign_in_days_ago: Some(30),
    },
    DemoMember {
        id: "m-locked",
        member_number: "100000006",
        email: "locked@example.com",
        name: "見本 鍵男",
        login: DemoLogin::Card {
            card_number: "5555666677",
            pin: "1111",
        },
        description_ja: "セキュリティロック中の会員",
        description_en: "Security-locked member",
        balance: 50_000,
        credit_line: 100_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::TwentyFifth),
        lock_threshold: 3,
        initially_locked: true,
        suspended: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(10),
    },
    DemoMember {
        id: "m-suspended",
        member_number: "100000007",
        email: "stopped@example.com",
        name: "見本 止",
        login: DemoLogin::WebId {
            web_id: "suspended01",
            password: "Suspend2024",
        },
        description_ja: "利用停止中の会員",
        description_en: "Suspended member",
        balance: 90_000,
        credit_line: 100_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::TwentyFifth),
        lock_threshold: 5,
        initially_locked: false,
        suspended: true,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(60),
    },
    DemoMember {
        id: "m-noweb",
        member_number: "123456789",
        email: "taro@example.com",
        name: "見本 太郎",
        login: DemoLogin::MemberNumberOnly,
        description_ja:
            "WEB-ID未登録の会員（会員番号 123456789・taro@example.com）: WEB-ID登録ができます",
        description_en:
            "Member without a WEB-ID (member number 123456789, taro@example.com): can register one",
        balance: 0,
        credit_line: 200_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::TwentyFifth),
        lock_threshold: 4,
        initially_locked: false,
        suspended: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: None,
    },
];
