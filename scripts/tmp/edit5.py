exec(open('/work/wt/catalog-fix/scripts/tmp/common.py').read())
a=A['jpmorgan-aggregator-fees-plaid-deal-2025']
a['sources'][3]['date']='2025'; a['status'][0]['date']='2025'
# 21 US Bancorp
a=A['us-bancorp-memberworks-1999']
a['summary']=L("In June 1999 Minnesota's Attorney General sued U.S. Bancorp, alleging it had sold data on about 900,000 to 1 million customers to the telemarketer MemberWorks for $4 million plus commissions. The bank settled on 30 June 1999 for $3 million without admitting wrongdoing, and a multistate settlement followed in 2000.",
 "En juin 1999, le procureur général du Minnesota a poursuivi U.S. Bancorp, l'accusant d'avoir vendu des données sur 900 000 à 1 million de clients au télévendeur MemberWorks pour 4 millions de dollars plus des commissions. La banque a transigé le 30 juin 1999 pour 3 millions de dollars sans reconnaître de faute, puis un accord avec plusieurs États a suivi en 2000.")
a['status']=[
 step('reported','1999-06-10',0,note=L("Reported the day after the Minnesota Attorney General's Office filed suit in federal court. U.S. Bancorp denied the allegations.","Rapporté le lendemain du dépôt de la plainte du procureur général du Minnesota devant un tribunal fédéral. U.S. Bancorp a contesté les accusations.")),
 step('settled','1999-06-30',2,by='us-bancorp',note=L("Settlement with Minnesota, with no admission of wrongdoing: $1.5 million to Habitat for Humanity in Minnesota, $500,000 to the state, and $1 million to charities and other affected states.","Accord avec le Minnesota, sans reconnaissance de faute : 1,5 million de dollars à Habitat for Humanity au Minnesota, 500 000 dollars à l'État et 1 million aux associations et autres États concernés.")),
 step('settled','2000-09-22',3,by='us-bancorp',note=L("A federal court in Minnesota approved a multistate settlement: $2 million to the states and a ban on giving customers' information to unaffiliated third parties for marketing non-financial products.","Un tribunal fédéral du Minnesota a approuvé un accord avec plusieurs États : 2 millions de dollars aux États et l'interdiction de transmettre les informations des clients à des tiers non affiliés pour vendre des produits non financiers.")),
]
a['sources']=[
 S('Bloomberg News',"Suit Accuses U.S. Bancorp of Peddling Data",'1999-06-10',
   "The suit, filed by Minnesota Atty. Gen. Mike Hatch, alleges that U.S. Bank, the country’s 13th-largest bank and a unit of Minneapolis-based U.S. Bancorp, sold information on more than 900,000 bank and credit card customers to a telemarketing company for $4 million plus commissions. […] Hatch spokeswoman Jennifer Freeman said that 600,000 U.S. Bank depositors and 330,000 credit card account holders nationwide were affected",
   url='https://www.latimes.com/archives/la-xpm-1999-jun-10-fi-46019-story.html',via='Los Angeles Times'),
 S('Deseret News',"Bank charged with sale of data to telemarketers",'1999-06-10',
   "A large bank illegally sold account balance information and other private data on a million customers -- including some Utahns -- to a telemarketing company for $4 million, Minnesota officials alleged in a lawsuit Wednesday. […] Information sold by the bank included customer names, Social Security numbers, birth dates, credit limits, marital status, occupation and homeownership status, the lawsuit said.",
   url='https://www.deseret.com/1999/6/10/19449952/bank-charged-with-sale-of-data-to-telemarketers'),
 S('Topeka Capital-Journal',"U.S. Bancorp settles lawsuit over customer information",'1999-07-01',
   "U.S. Bancorp and Attorney General Mike Hatch announced a settlement Wednesday of the state's lawsuit accusing the bank of profiting from the unauthorized sale of customer information to a telemarketer. U.S. Bancorp, which admitted no wrongdoing, agreed early on to stop the practice. […] Habitat for Humanity in Minnesota will receive $1.5 million, the state will receive $500,000, and charities and other affected states will receive $1 million.",
   url='https://cjonline.com/stories/070199/bus_banksettle.shtml'),
 S('Office of the Iowa Attorney General',"Miller says US Bank Agrees to Protect Customer Privacy",'2000-09-22',
   "Attorney General Tom Miller said today that US Bank has agreed to a multi-state settlement that completely prohibits the bank from giving people's personal financial information - including credit card account numbers - to unaffiliated third-party companies for purposes of marketing non-financial products or services. […] US Bank also will offer refunds to many customers and pay $2 million to states in the case.",
   url='https://www.state.ia.us/government/ag/consumer/press_releases/USBank-release.html',primary=True),
 S('American Banker',"U.S. Bancorp Charged with Selling Data On Customers",'1999-06',
   "Minnesota's attorney general has accused U.S. Bancorp of selling confidential customer data to a telemarketer, which in turn allegedly debited customers' accounts without their written permission. The charges were leveled in a four-count lawsuit filed Wednesday in U.S. District Court in St. Paul, and they were forcefully denied by the Minneapolis-based banking company.",
   url='https://www.americanbanker.com/issues/164_110/-110335-1.html'),
]
# 22 Venmo FTC
a=A['venmo-ftc-settlement-2018']
a['summary']=L("The FTC alleged that Venmo payments were public by default on its social feed, with the names of both parties and the payment message, and that its privacy settings misled users. The complaint also covered fund availability and security promises. PayPal settled in 2018 without a money penalty.",
 "La FTC reprochait à Venmo de rendre les paiements publics par défaut sur son fil social, avec le nom des deux parties et le message du paiement, et d'induire en erreur sur ses réglages de confidentialité. La plainte portait aussi sur la disponibilité des fonds et les promesses de sécurité. PayPal a transigé en 2018 sans sanction financière.")
a['status']=[
 step('settled','2018-02-27',0,by='paypal',note=L("The FTC announced a proposed consent order; the Federal Register notice of 5 March 2018 invited comments until 29 March.","La FTC a annoncé un projet d'ordonnance sur consentement ; l'avis au Federal Register du 5 mars 2018 ouvrait les commentaires jusqu'au 29 mars.")),
 step('settled','2018',1,by='ftc',note=L("The final order was issued later in 2018 (exact day not confirmed here).","L'ordonnance définitive a été rendue plus tard en 2018 (jour exact non confirmé ici).")),
]
a['sources']=[
 S('Loeb & Loeb',"Loeb & Loeb note on the FTC's proposed settlement with PayPal over Venmo",'2018-03',
   "On February 27, 2018, the Federal Trade Commission (“FTC”) announced a proposed administrative settlement with PayPal, Inc. over allegations that the company failed to make adequate disclosures to users regarding its Venmo peer-to-peer payment service. […] By default, Venmo transactions are displayed on Venmo’s social news feed (including names of sender and recipient, and, if provided purpose of transaction and accompanying message).",
   url='https://www.lexology.com/library/detail.aspx?g=a7b6555d-55f7-4126-8be6-24599b45513f',via='Lexology',desc=True),
 S('Federal Register',"PayPal, Inc.; Analysis To Aid Public Comment",'2018-03-05',
   "The consent agreement in this matter settles alleged violations of federal law prohibiting unfair or deceptive acts or practices. […] Comments must be received on or before March 29, 2018.",
   url='https://regulations.justia.com/regulations/fedreg/2018/03/05/2018-04331.html',via='Justia',primary=True),
 S('ZwillGen',"Lessons From The FTC-PayPal Settlement",'2018-03-08',
   "In fact, however, users needed to change both this setting and a second setting (the Transaction Sharing setting) in order to ensure that their transactions remained private.",
   url='https://blog.zwillgen.com/2018/03/08/lessons-ftc-paypal-settlement/'),
]
# 23 Venmo feed
a=A['venmo-public-feed-exposure-ended-2021']
a['summary']=L("Venmo payments were public by default and reachable through a public API. In 2018 the researcher's project Public By Default downloaded 207,984,218 public transactions from 2017; in 2021 BuzzFeed News found the US president's friends network. In July 2021 Venmo removed its global feed of strangers' payments.",
 "Les paiements Venmo étaient publics par défaut et accessibles par une API publique. En 2018, le projet de recherche Public By Default a téléchargé 207 984 218 transactions publiques de 2017 ; en 2021, BuzzFeed News a retrouvé le réseau d'amis du président américain. En juillet 2021, Venmo a supprimé son fil mondial des paiements d'inconnus.")
a['dataDetail']=L("Public transactions, with the people involved and payment messages, and friends lists.","Des transactions publiques, avec les personnes concernées et les messages de paiement, et les listes d'amis.")
a['status']=[
 step('reported','2018-07',0,dateOfReport=True),
 step('reported','2021',2,dateOfReport=True,note=L("BuzzFeed News showed that the president's friends network could be found; Venmo then let users hide their friends lists.","BuzzFeed News a montré que le réseau d'amis du président pouvait être retrouvé ; Venmo a ensuite permis de masquer les listes d'amis.")),
 step('ended','2021-07',3,by='venmo',dateOfReport=True,note=L("Venmo said it was removing the global feed; transactions and friends lists stayed public by default otherwise.","Venmo a annoncé supprimer le fil mondial ; transactions et listes d'amis restaient par ailleurs publiques par défaut.")),
]
a['sources']=[
 S('Axios',"The big picture: Venmo's privacy policy exposes users' transactions",'2018-07',
   "A data expert sifted through 200 million Venmo transactions, from drug deals, to eating habits and arguments, to show the payment app lacks default privacy protections, the Guardian reports.",
   url='https://www.axios.com/venmo-privacy-policy-user-financial-transactions-7b2c739c-ee38-45b4-bf51-a9a672f9c4a2.html'),
 S('Public By Default (Hang Do Thi Duc)',"Public By Default",'2018',
   "I used Venmo’s public API to download all public transactions of 2017, pulling in a total of 207,984,218 transactions.",
   url='https://22-8miles.com/public-by-default/'),
 S('pws.io',"Venmo is safer without its global feed, but maybe not safe enough",'2021-07',
   "\"As part of our ongoing efforts to continually evolve the Venmo platform, while staying true to the heart of the Venmo experience, we are removing the global feed,\" the company said in its press release. […] This privacy update comes a few months after Buzzfeed News published a report showing that the private friends network of President Joe Biden could be found",
   url='https://pws.io/venmo-is-safer-without-its-global-feed-but-maybe-not-safe-enough',desc=True),
 S('Electronic Frontier Foundation',"EFF post on Venmo stopping its public global feed",'2021-07-22',
   "As part of a biggest overhaul, the Venmo payment application stopped its public worldwide feed. […] Currently, all transactions and friend lists on Venmo are public by default",
   url='https://exbulletin.com/business/1077243/',via='exbulletin (copy)',desc=True),
]
json.dump(d, open(P,'w'), ensure_ascii=False, indent=2); open(P,'a').write('\n')
print('ok')
