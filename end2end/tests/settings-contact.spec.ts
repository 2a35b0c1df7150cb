import { test, expect, expectNoAxeViolations, BACKEND } from "./fixtures";
import { ContactSettingsPage } from "./pages/contact-settings-page";
import { injectFault, mailbox } from "./controls";

// The address, employer and VISA prepaid card sections of the settings
// (SPEC S12): each shows what is registered, checks the form with the
// domain's rules (the lender checks again), shows the change before and
// after for confirmation, says what changed, and the lender sends exactly
// one notice e-mail per real change.

const ADDRESS = "ご住所の変更";
const EMPLOYER = "お勤め先の変更";
const CARD = "VISAプリペイドカード番号の登録・変更";

test("an address typed in full width is converted, reviewed, changed, listed and mailed", async ({ page, request }) => {
  const settings = new ContactSettingsPage(page);
  await settings.signInAndOpenSettings();
  await expect(settings.settingsValue(ADDRESS)).toHaveText("未登録");
  await settings.openSection(ADDRESS);
  await expect(settings.current("現在のご住所")).toHaveText("未登録");

  // Full-width digits and a full-width dash are converted as typed, with a note.
  await settings.field("郵便番号").fill("１００－０００５");
  await expect(settings.field("郵便番号")).toHaveValue("100-0005");
  await expect(page.getByText("全角の英数字を半角に変換しました。")).toBeVisible();
  await settings.field("都道府県").selectOption({ label: "東京都" });
  await settings.field("市区町村").fill("千代田区");
  await settings.field("町域・番地").fill("丸の内１－２－３");
  // The building is left empty.
  await expectNoAxeViolations(page);

  await settings.toReview();
  await settings.expectReview();
  await expect(settings.changeCells("郵便番号")).toHaveText(["未登録", "100-0005"]);
  await expect(settings.changeCells("都道府県")).toHaveText(["未登録", "東京都"]);
  await expect(settings.changeCells("市区町村")).toHaveText(["未登録", "千代田区"]);
  await expect(settings.changeCells("町域・番地")).toHaveText(["未登録", "丸の内１－２－３"]);
  await expect(settings.changeCells("建物名・部屋番号（任意）")).toHaveText(["未登録", "なし"]);
  await expectNoAxeViolations(page);

  await settings.confirm();
  await settings.expectDone();
  await expect(settings.changeCells("郵便番号")).toHaveText(["未登録", "100-0005"]);
  const notices = (await mailbox(page, request)).filter((m) => m.subject === "ご住所変更のお知らせ");
  expect(notices).toHaveLength(1);
  expect(notices[0].to).toBe("demo0001@example.com");
  expect(notices[0].body).toContain("変更前: 未登録");
  expect(notices[0].body).toContain("変更後: 〒100-0005 東京都千代田区丸の内１－２－３");

  await settings.backToSettings();
  await expect(settings.settingsValue(ADDRESS)).toHaveText("〒100-0005 東京都千代田区丸の内１－２－３");

  // The same address again changes nothing and mails nothing.
  await settings.openSection(ADDRESS);
  await expect(settings.current("現在のご住所")).toHaveText("〒100-0005 東京都千代田区丸の内１－２－３");
  await settings.field("郵便番号").fill("1000005");
  await settings.field("都道府県").selectOption({ label: "東京都" });
  await settings.field("市区町村").fill("千代田区");
  await settings.field("町域・番地").fill("丸の内１－２－３");
  await settings.toReview();
  await expect(page.getByText("現在のご登録内容と同じです。")).toBeVisible();
  await settings.confirm();
  await expect(page.getByRole("heading", { name: "変更はありません" })).toBeFocused();
  const after = (await mailbox(page, request)).filter((m) => m.subject === "ご住所変更のお知らせ");
  expect(after).toHaveLength(1);
});

test("refused fields are shown at their fields, with a summary, and keep what was typed", async ({ page }) => {
  const settings = new ContactSettingsPage(page);
  await settings.signInAndOpenSettings();
  await settings.openSection(ADDRESS);
  await settings.field("郵便番号").fill("100-0005");
  await settings.field("都道府県").selectOption({ label: "大阪府" });
  await settings.field("建物名・部屋番号（任意）").fill("サンプルハイツ101");
  await settings.toReview();

  // City and street are empty: two problems, a summary linking to each, the
  // first field focused, everything typed still there.
  await expect(settings.summary).toContainText("入力内容をご確認ください。");
  await expect(settings.summary.getByRole("link")).toHaveText(["市区町村を入力してください。", "町域・番地を入力してください。"]);
  await expect(settings.field("市区町村")).toBeFocused();
  await expect(settings.field("市区町村")).toHaveAttribute("aria-invalid", "true");
  await expect(settings.errorOf("市区町村")).toHaveText("市区町村を入力してください。");
  await expect(settings.field("郵便番号")).toHaveValue("100-0005");
  await expect(settings.field("都道府県")).toHaveValue("27");
  await expect(settings.field("建物名・部屋番号（任意）")).toHaveValue("サンプルハイツ101");
  await expectNoAxeViolations(page);
  await expect(settings.summary.getByRole("link", { name: "町域・番地を入力してください。" })).toHaveAttribute(
    "href",
    "#address-street",
  );

  // One problem left: no summary, the message at its field.
  await settings.field("市区町村").fill("大阪市北区");
  await settings.field("郵便番号").fill("530-000");
  await settings.field("町域・番地").fill("梅田１－１");
  await settings.toReview();
  await expect(settings.summary).toHaveCount(0);
  await expect(settings.errorOf("郵便番号")).toHaveText("郵便番号は7桁の数字で入力してください（例: 123-4567）。");
  await expect(settings.errorOf("市区町村")).toHaveText("");
  await expect(settings.field("郵便番号")).toBeFocused();
  await settings.field("郵便番号").fill("530-0001");
  await settings.toReview();
  await settings.expectReview();
  await expect(settings.changeCells("都道府県")).toHaveText(["未登録", "大阪府"]);
  await expect(settings.changeCells("建物名・部屋番号（任意）")).toHaveText(["未登録", "サンプルハイツ101"]);
  // Back to the form keeps every value.
  await page.getByRole("button", { name: "修正する" }).click();
  await expect(settings.field("郵便番号")).toBeFocused();
  await expect(settings.field("市区町村")).toHaveValue("大阪市北区");
  await expect(settings.field("都道府県")).toHaveValue("27");
});

test("a refusal from the lender is shown at its field after the review, and what was typed stays", async ({ page }) => {
  test.skip(BACKEND !== "http", "the refusal is injected on the wire");
  await page.route("**/api/v1/profile/address", (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({ code: "profile_refused", problems: [{ field: "city", error: "too_long" }] }),
    }),
  );
  const settings = new ContactSettingsPage(page);
  await settings.signInAndOpenSettings();
  await settings.openSection(ADDRESS);
  await settings.field("郵便番号").fill("100-0005");
  await settings.field("都道府県").selectOption({ label: "東京都" });
  await settings.field("市区町村").fill("千代田区");
  await settings.field("町域・番地").fill("丸の内１－２－３");
  await settings.toReview();
  await settings.confirm();
  await expect(settings.field("市区町村")).toBeFocused();
  await expect(settings.errorOf("市区町村")).toHaveText("市区町村は50文字以内で入力してください。");
  await expect(settings.field("市区町村")).toHaveValue("千代田区");
  await expect(settings.field("町域・番地")).toHaveValue("丸の内１－２－３");
  await expect(settings.field("都道府県")).toHaveValue("13");
});

test("an employer with its phone number is changed, listed and mailed", async ({ page, request }) => {
  const settings = new ContactSettingsPage(page);
  await settings.signInAndOpenSettings();
  await expect(settings.settingsValue(EMPLOYER)).toHaveText("未登録");
  await settings.openSection(EMPLOYER);
  await expect(settings.current("現在のお勤め先")).toHaveText("未登録");
  await settings.field("勤務先名").fill("株式会社サンプル商事");
  await settings.field("勤務先電話番号").fill("090-1234-567");
  await settings.toReview();
  await expect(settings.field("勤務先電話番号")).toBeFocused();
  await expect(settings.errorOf("勤務先電話番号")).toContainText("11桁");
  await settings.field("勤務先電話番号").fill("０３－１２３４－５６７８");
  await expect(settings.field("勤務先電話番号")).toHaveValue("03-1234-5678");
  await settings.field("所属部署（任意）").fill("営業部");
  await settings.toReview();
  await settings.expectReview();
  await expect(settings.changeCells("勤務先名")).toHaveText(["未登録", "株式会社サンプル商事"]);
  await expect(settings.changeCells("勤務先電話番号")).toHaveText(["未登録", "03-1234-5678"]);
  await expect(settings.changeCells("所属部署（任意）")).toHaveText(["未登録", "営業部"]);
  await settings.confirm();
  await settings.expectDone();
  const notices = (await mailbox(page, request)).filter((m) => m.subject === "お勤め先変更のお知らせ");
  expect(notices).toHaveLength(1);
  expect(notices[0].body).toContain("変更後: 株式会社サンプル商事（電話番号 03-1234-5678） 営業部");
  await settings.backToSettings();
  await expect(settings.settingsValue(EMPLOYER)).toHaveText("株式会社サンプル商事");
});

test("a prepaid card number failing the Luhn check is refused, then a valid one is registered and shown masked", async ({ page, request }) => {
  const settings = new ContactSettingsPage(page);
  await settings.signInAndOpenSettings();
  await expect(settings.settingsValue(CARD)).toHaveText("未登録");
  await settings.openSection(CARD);
  const number = settings.field("カード番号");
  await expect(number).toHaveAttribute("inputmode", "numeric");
  await expect(number).toHaveAttribute("autocomplete", "off");
  await number.fill("4111 1111 1111 1112");
  await settings.toReview();
  await expect(number).toBeFocused();
  await expect(number).toHaveAttribute("aria-invalid", "true");
  await expect(settings.errorOf("カード番号")).toHaveText("カード番号に誤りがあります。カードに記載の番号をもう一度ご確認ください。");
  await expect(number).toHaveValue("4111 1111 1111 1112");
  await expectNoAxeViolations(page);

  await number.fill("４１１１ １１１１ １１１１ １１１１");
  await expect(number).toHaveValue("4111 1111 1111 1111");
  await settings.toReview();
  await settings.expectReview();
  // The review shows the whole number typed, to compare with the card.
  await expect(settings.changeCells("カード番号")).toHaveText(["未登録", "4111 1111 1111 1111"]);
  await expectNoAxeViolations(page);
  await settings.confirm();
  await settings.expectDone();
  await expect(settings.changeCells("カード番号")).toHaveText(["未登録", "**** **** **** 1111"]);
  const notices = (await mailbox(page, request)).filter((m) => m.subject === "VISAプリペイドカード番号登録のお知らせ");
  expect(notices).toHaveLength(1);
  expect(notices[0].body).toContain("**** **** **** 1111");
  expect(notices[0].body).not.toContain("4111 1111");
  expect(notices[0].body).not.toContain("41111111");
  await settings.backToSettings();
  await expect(settings.settingsValue(CARD)).toHaveText("**** **** **** 1111");
  // Nothing on the page shows the whole number any more.
  await expect(page.getByText("4111 1111 1111 1111")).toHaveCount(0);
});

test("a server failure at the confirmation keeps the review, and trying again changes it once", async ({ page, request }) => {
  const settings = new ContactSettingsPage(page);
  await settings.signInAndOpenSettings();
  await settings.openSection(CARD);
  await settings.field("カード番号").fill("4012888888881881");
  await settings.toReview();
  await settings.expectReview();
  await injectFault(page, request, "server");
  await settings.confirm();
  await expect(page.locator(".notice-error[role=alert]")).toContainText("ただいま処理できませんでした");
  await expect(settings.changeCells("カード番号")).toHaveText(["未登録", "4012 8888 8888 1881"]);
  await settings.confirm();
  await settings.expectDone();
  await expect(settings.changeCells("カード番号")).toHaveText(["未登録", "**** **** **** 1881"]);
  const notices = (await mailbox(page, request)).filter((m) => m.subject === "VISAプリペイドカード番号登録のお知らせ");
  expect(notices).toHaveLength(1);
});

test("the address form and its review are axe-clean in English", async ({ page }) => {
  const settings = new ContactSettingsPage(page);
  await settings.signInAndOpenSettings();
  await settings.openSection(ADDRESS);
  await page.getByRole("button", { name: "English" }).click();
  await expect(settings.heading).toHaveText("Address");
  // With problems showing: the summary, errors at their fields.
  await page.getByLabel("Postal code").fill("12");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator(".error-summary[role=alert]").getByRole("link")).toHaveText([
    "A postal code is 7 digits, for example 123-4567.",
    "Choose a prefecture.",
    "Enter the city, ward, town or village.",
    "Enter the street and block number.",
  ]);
  await expectNoAxeViolations(page);
  await page.getByLabel("Postal code").fill("100-0005");
  await page.getByLabel("Prefecture").selectOption({ label: "Tokyo" });
  await page.getByLabel("City, ward, town or village").fill("千代田区");
  await page.getByLabel("Street and block number").fill("丸の内1-2-3");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: "Check the change" })).toBeFocused();
  await expect(settings.changeCells("Prefecture")).toHaveText(["Not registered", "Tokyo"]);
  await expectNoAxeViolations(page);
  // The review follows the language switch.
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(settings.changeCells("都道府県")).toHaveText(["未登録", "東京都"]);
  await page.getByRole("button", { name: "English" }).click();
  await expect(settings.changeCells("Prefecture")).toHaveText(["Not registered", "Tokyo"]);
  await page.getByRole("button", { name: "Make the change" }).click();
  await expect(page.getByRole("heading", { name: "Changed" })).toBeFocused();
  await expectNoAxeViolations(page);
});
